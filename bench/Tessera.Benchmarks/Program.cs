using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>micro [BenchmarkDotNet args]</c> runs the micro-benchmarks; <c>allocator [--agents N]
/// [--frameworks M] [--cycles C] [--warmup W] [--seed S]</c> runs one allocator scale run;
/// <c>allocator --suite</c> runs the four published sizes.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "micro":
                // In-process: no generated project to build (our warnings-as-errors would trip on it),
                // and a short job, since these figures are compared side by side in one run.
                var config = ManualConfig.Create(DefaultConfig.Instance)
                    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..], config);
                return 0;
            case "allocator":
                return AllocatorScale.Run(args[1..], Console.Out, Console.Error);
            case "master-state":
                return await MasterStateScale.Run(args[1..], Console.Out);
            case "master-status":
                return await MasterStatusScale.Run(args[1..], Console.Out);
            case "jobs-placement":
                return JobsPlacementScale.Run(args[1..], Console.Out);
            case "jobs-create":
                return await JobsCreateScale.Run(args[1..], Console.Out);
            case "jobs-update":
                return await JobsUpdateScale.Run(args[1..], Console.Out);
            case "update-decide":
                return UpdateDecideScale.Run(args[1..], Console.Out);
            case "cron-fire":
                return await CronFireScale.Run(args[1..], Console.Out);
            case "fuzz":
                return await FuzzMode.Run(args[1..], Console.Out);
            case "agent-launch":
                return await AgentLaunchScale.Run(args[1..], Console.Out);
            default:
                Console.Error.WriteLine("usage: Tessera.Benchmarks micro [--filter *] | allocator [--agents N] [--frameworks M] [--cycles C] [--warmup W] [--seed S] | allocator --suite | master-status [--updates N] [--senders S] [--tasks T] [--direct] [--batch B] | master-state [--agents N] [--tasks-per-agent T] [--calls C] | agent-launch [--launches N] [--concurrency C] [--isolation X] [--work-dir BASE] | jobs-placement | jobs-create [--agents N] [--instances M] [--isolation posix|auto] | jobs-update [--agents N] [--instances M] [--batch B] | update-decide [--instances N] [--batch B] [--rounds R] | cron-fire [--agents N] [--jobs M] | fuzz [--requests N] [--seed S]");
                return 2;
        }
    }
}
