using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tessera.Agent.Tests.Recovery;

/// <summary>`tessera agent` as a real process (the build's tessera.dll under dotnet), with its output kept for failure messages.</summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
    }

    public int Pid => _process.Id;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static AgentProcess Start(Uri master, string workDir, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "tessera.dll"), "agent", $"--master={master}", $"--work-dir={workDir}",
            $"--port={port}", "--hostname=127.0.0.1", "--resources=cpus:2;mem:2048;disk:1000;ports:[31000-31100]",
        })
            start.ArgumentList.Add(arg);
        var agent = new AgentProcess(new Process { StartInfo = start });
        agent._process.Start();
        agent._process.BeginOutputReadLine();
        agent._process.BeginErrorReadLine();
        return agent;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillNineAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGINT: a graceful stop (SIGKILL after 20 s).
            global::Tessera.Agent.Containerizer.Signals.Kill(_process.Id, 2);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
