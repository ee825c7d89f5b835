using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Nested;

/// <summary>A running container a nested session may enter: the container, its sandbox and its user (null: the agent's own).</summary>
internal sealed record NestedParent(IContainer Container, string Sandbox, string? User);

/// <summary>Why a nested call is refused: the HTTP status and one line naming the field.</summary>
internal sealed record NestedRefusal(int Status, string Message);
