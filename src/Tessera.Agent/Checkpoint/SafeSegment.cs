namespace Tessera.Agent.Checkpoint;

/// <summary>An id that becomes one path segment: not empty, not '.' or '..', no separators or control characters.</summary>
internal static class SafeSegment
{
    public static bool IsSafe(string id) =>
        id.Length is > 0 and <= 255 && id is not ("." or "..") && !id.Any(c => c is '/' or '\\' or '\0' || char.IsControl(c));

    public static string Check(string id) =>
        IsSafe(id) ? id : throw new ArgumentException($"id '{id}' cannot be a path segment (empty, '.', '..', a separator or a control character)");
}
