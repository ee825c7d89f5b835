using System.Globalization;

namespace Tessera.Jobs.Scheduling;

/// <summary>Small text helpers for the messages the scheduler writes (status, API answers, logs).</summary>
internal static class Wording
{
    /// <summary>"1 instance", "3 instances".</summary>
    public static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count} {noun}s");
}
