using System.Text.Json.Nodes;

namespace Tessera.Jobs.Api;

/// <summary>How one field differs: present on both sides with other values, only in the new one, or only in the old one.</summary>
public enum FieldChangeKind
{
    Changed,
    Added,
    Removed,
}

/// <summary>
/// One field that differs between a stored job and a proposed one: its path (<c>resources.cpus</c>,
/// <c>task.processes[0].cmdline</c>, <c>constraints["rack.id"]</c>) and the JSON values on each
/// side (<see cref="Old"/> is null when <see cref="Kind"/> is Added, <see cref="New"/> when Removed).
/// </summary>
public sealed record FieldChange(string Path, FieldChangeKind Kind, JsonNode? Old, JsonNode? New);
