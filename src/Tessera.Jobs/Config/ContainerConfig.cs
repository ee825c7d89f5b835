using System.Text.Json.Serialization;

namespace Tessera.Jobs.Config;

/// <summary>
/// A job's container: <c>Docker(image, parameters)</c>, or <c>Mesos(image, volumes)</c> for the
/// Mesos containerizer with a DockerImage/AppcImage. The deprecated <c>Container(docker=...)</c>
/// loads as Docker.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DockerContainerConfig), "docker")]
[JsonDerivedType(typeof(MesosContainerConfig), "mesos")]
public abstract record ContainerConfig;

/// <summary><c>Docker(image, parameters=[Parameter(name, value)])</c>.</summary>
public sealed record DockerContainerConfig(string Image, ValueList<ParameterConfig> Parameters) : ContainerConfig;

/// <summary><c>Mesos(image=DockerImage|AppcImage, volumes=[Volume])</c>.</summary>
public sealed record MesosContainerConfig(ImageConfig? Image, ValueList<VolumeConfig> Volumes) : ContainerConfig;
