namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ContainerInfo.MesosInfo</c>.</summary>
public sealed record MesosInfo
{
    /// <summary>The container image.</summary>
    public Image? Image { get; init; }
}
