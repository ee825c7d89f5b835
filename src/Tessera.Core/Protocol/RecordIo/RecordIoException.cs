namespace Tessera.Core.Protocol.RecordIo;

/// <summary>A RecordIO stream is malformed; the stream cannot be decoded further.</summary>
public sealed class RecordIoException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecordIoException(string message)
        : base(message)
    {
    }
}
