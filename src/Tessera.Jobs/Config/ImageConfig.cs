namespace Tessera.Jobs.Config;

/// <summary>
/// An image for the Mesos containerizer: <c>DockerImage(name, tag)</c> (<c>IsAppc</c> false,
/// <c>Reference</c> = tag) or <c>AppcImage(name, image_id)</c> (<c>Reference</c> = image id).
/// </summary>
public sealed record ImageConfig(bool IsAppc, string Name, string Reference);
