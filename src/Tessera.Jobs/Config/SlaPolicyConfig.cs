using System.Text.Json.Serialization;

namespace Tessera.Jobs.Config;

/// <summary>A job's SLA policy for maintenance: Count, Percentage or Coordinator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CountSlaPolicyConfig), "count")]
[JsonDerivedType(typeof(PercentageSlaPolicyConfig), "percentage")]
[JsonDerivedType(typeof(CoordinatorSlaPolicyConfig), "coordinator")]
public abstract record SlaPolicyConfig;

/// <summary><c>CountSlaPolicy(count, duration_secs)</c>.</summary>
public sealed record CountSlaPolicyConfig(int Count, int DurationSecs) : SlaPolicyConfig;

/// <summary><c>PercentageSlaPolicy(percentage, duration_secs)</c>.</summary>
public sealed record PercentageSlaPolicyConfig(double Percentage, int DurationSecs) : SlaPolicyConfig;

/// <summary><c>CoordinatorSlaPolicy(coordinator_url, status_key='drain')</c>.</summary>
public sealed record CoordinatorSlaPolicyConfig(string CoordinatorUrl, string StatusKey = "drain") : SlaPolicyConfig;
