using System.Collections.Immutable;

namespace Tessera.Jobs.Config;

/// <summary>
/// The outcome of loading a config: the picked, resolved and checked job, or the errors (never
/// both). <see cref="Sources"/> says where each object of the job was written.
/// </summary>
public sealed record ConfigLoadResult(JobConfig? Job, SourceMap Sources, ImmutableArray<ConfigError> Errors)
{
    public bool Ok => Job is not null && Errors.IsEmpty;

    public static ConfigLoadResult Failed(params ConfigError[] errors) => new(null, SourceMap.Empty, [.. errors]);

    public static ConfigLoadResult Failed(ImmutableArray<ConfigError> errors) => new(null, SourceMap.Empty, errors);
}
