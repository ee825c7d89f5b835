namespace Tessera.Jobs.Config;

/// <summary>Where an object of a config was created: a file and, for .aurora files, a line.</summary>
public sealed record SourceLocation(string File, int? Line)
{
    public override string ToString() => Line is null ? File : $"{File}:{Line}";
}
