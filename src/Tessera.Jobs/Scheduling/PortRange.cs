using System.Text.Json.Serialization;

namespace Tessera.Jobs.Scheduling;

/// <summary>A range of port numbers, both ends included, as Mesos offers them.</summary>
public readonly record struct PortRange(int Begin, int End)
{
    /// <summary>How many ports it holds (0 when <see cref="End"/> is below <see cref="Begin"/>).</summary>
    [JsonIgnore]
    public int Count => End < Begin ? 0 : End - Begin + 1;
}
