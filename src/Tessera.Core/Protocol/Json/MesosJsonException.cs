namespace Tessera.Core.Protocol.Json;

/// <summary>Malformed Mesos JSON; the message names the JSON path and the rule, fit for an HTTP 400 body.</summary>
public sealed class MesosJsonException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MesosJsonException(string path, string rule, Exception? inner = null)
        : base($"Invalid JSON at '{path}': {rule}", inner)
    {
        Path = path;
        Rule = rule;
    }

    /// <summary>The JSON path of the offending value, such as <c>$.subscribe.framework_info.user</c>.</summary>
    public string Path { get; }

    /// <summary>What was wrong with it.</summary>
    public string Rule { get; }
}
