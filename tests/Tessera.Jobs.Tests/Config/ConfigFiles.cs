using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

/// <summary>Loads sample configs, and writes throw-away ones into a temp directory.</summary>
internal sealed class ConfigFiles : IDisposable
{
    public ConfigFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "tessera-config-" + Guid.NewGuid().ToString("N"));

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Config", "Samples", name);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static Task<ConfigLoadResult> LoadAsync(string path, string? key = null, ConfigLoadOptions? options = null)
    {
        options ??= new ConfigLoadOptions();
        if (key is not null)
        {
            Assert.True(JobKey.TryParse(key, out var parsed, out var error), error);
            options = options with { Key = parsed };
        }
        return AuroraConfigLoader.LoadAsync(path, options, CancellationToken.None);
    }

    public static async Task<JobConfig> LoadOkAsync(string path, string? key = null, ConfigLoadOptions? options = null)
    {
        var result = await LoadAsync(path, key, options);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Job!;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
