using System.Globalization;

namespace Tessera.Agent.Resources;

/// <summary>
/// NVIDIA GPUs through <c>nvidia-smi --query-gpu=index --format=csv,noheader</c> (one index per
/// line), offered as the scalar <c>gpus</c> as Mesos reports it. No <c>nvidia-smi</c> on PATH, or
/// one that fails: no GPUs.
/// </summary>
internal static class GpuDetector
{
    public static readonly IReadOnlyList<string> Arguments = ["--query-gpu=index", "--format=csv,noheader"];

    public static async Task<int> CountAsync(ICommandRunner commands, CancellationToken ct)
    {
        var output = await commands.RunAsync("nvidia-smi", Arguments, ct);
        return output is { ExitCode: 0 } ? Parse(output.Stdout) : 0;
    }

    /// <summary>The number of distinct GPU indexes in the output; lines that aren't an index are ignored.</summary>
    public static int Parse(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1)
            .Where(index => index >= 0)
            .Distinct()
            .Count();
}
