namespace Tessera.Jobs.Config;

/// <summary>
/// One problem with a job config: where it is (file and line when known), which field (a path such
/// as <c>task.processes[1].cmdline</c>), the rule that failed and a sentence for people.
/// </summary>
public sealed record ConfigError(string? File, int? Line, string? Field, string Rule, string Message)
{
    public override string ToString()
    {
        var where = File is null ? "" : Line is null ? $"{File}: " : $"{File}:{Line}: ";
        var field = Field is null ? "" : $"{Field}: ";
        return $"{where}{field}{Message} [{Rule}]";
    }

    public static ConfigError At(SourceLocation? location, string? field, string rule, string message) =>
        new(location?.File, location?.Line, field, rule, message);
}
