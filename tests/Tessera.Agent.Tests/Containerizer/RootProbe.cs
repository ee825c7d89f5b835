using System.Diagnostics;

namespace Tessera.Agent.Tests.Containerizer;

/// <summary>
/// Bait for a caller's environment reaching a program that runs as root: a fake <c>nsenter</c>
/// script in <see cref="Bin"/> (put first on PATH) and an LD_PRELOAD library that each leave a
/// marker file when they run with euid 0. The fake nsenter then execs the real one, so a session
/// that falls for it still works and only the marker tells.
/// </summary>
internal sealed class RootProbe
{
    private RootProbe(string dir)
    {
        Dir = dir;
    }

    public string Dir { get; }

    public string Bin => Path.Combine(Dir, "fakebin");

    public string Library => Path.Combine(Dir, "preload.so");

    public string NsenterMarker => Path.Combine(Dir, "fake-nsenter-ran-as-root");

    public string PreloadMarker => Path.Combine(Dir, "preload-ran-as-root");

    /// <summary>PATH with the fake bin first, and LD_PRELOAD of the library.</summary>
    public Dictionary<string, string> Environment => new(StringComparer.Ordinal)
    {
        ["PATH"] = $"{Bin}:/usr/sbin:/usr/bin:/sbin:/bin",
        ["LD_PRELOAD"] = Library,
    };

    /// <summary>rwxr-xr-x.</summary>
    public static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    /// <summary>Which bait went off.</summary>
    public IReadOnlyList<string> Tripped => [.. new[] { NsenterMarker, PreloadMarker }.Where(File.Exists).Select(Path.GetFileName)!];

    /// <summary>Writes the bait into <paramref name="dir"/> (readable by everyone: the session's user loads the library too, harmlessly).</summary>
    public static async Task<RootProbe> CreateAsync(string dir)
    {
        var probe = new RootProbe(dir);
        Directory.CreateDirectory(probe.Bin);
        var nsenter = Path.Combine(probe.Bin, "nsenter");
        await File.WriteAllTextAsync(nsenter, $"#!/bin/sh\n[ \"$(id -u)\" = 0 ] && echo root > '{probe.NsenterMarker}'\nexec /usr/bin/nsenter \"$@\"\n");
        RootProbe.MakeExecutable(nsenter);
        var source = Path.Combine(dir, "preload.c");
        await File.WriteAllTextAsync(source, $$"""
            #include <fcntl.h>
            #include <unistd.h>
            __attribute__((constructor)) static void probe(void) {
                if (geteuid() != 0) return;
                int fd = open("{{probe.PreloadMarker}}", O_WRONLY | O_CREAT | O_TRUNC, 0644);
                if (fd >= 0) { write(fd, "root\n", 5); close(fd); }
            }
            """);
        using var cc = Process.Start(new ProcessStartInfo("cc", ["-shared", "-fPIC", "-o", probe.Library, source]) { RedirectStandardError = true })!;
        var error = await cc.StandardError.ReadToEndAsync();
        await cc.WaitForExitAsync();
        Assert.True(cc.ExitCode == 0, $"cc: {error}");
        RootProbe.MakeExecutable(probe.Library);
        // The bait works: run as root with this environment, both go off.
        var start = new ProcessStartInfo(nsenter, ["--version"]) { RedirectStandardOutput = true };
        start.Environment["PATH"] = probe.Environment["PATH"];
        start.Environment["LD_PRELOAD"] = probe.Library;
        using (var run = Process.Start(start)!)
        {
            await run.StandardOutput.ReadToEndAsync();
            await run.WaitForExitAsync();
        }
        Assert.Equal(["fake-nsenter-ran-as-root", "preload-ran-as-root"], probe.Tripped);
        File.Delete(probe.NsenterMarker);
        File.Delete(probe.PreloadMarker);
        return probe;
    }
}
