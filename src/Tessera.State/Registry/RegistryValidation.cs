using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tessera.State.Registry;

/// <summary>Input rules of <see cref="MasterRegistry"/>; each failure names the field and the rule.</summary>
internal static class RegistryValidation
{
    /// <summary>Longest id or role, in UTF-8 bytes; keeps every registry key well under <see cref="StoreLimits.MaxKeyBytes"/>.</summary>
    public const int MaxNameBytes = 256;

    public static void Name(string? value, string field, string? paramName = null)
    {
        paramName ??= field;
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException($"{field} must not be empty", paramName);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                throw new ArgumentException(
                    $"{field} '{value}' must not contain whitespace or control characters (found U+{(int)c:X4})", paramName);
        }
        if (value is "." or "..")
            throw new ArgumentException($"{field} must not be '.' or '..'", paramName);
        int bytes;
        try
        {
            bytes = new UTF8Encoding(false, true).GetByteCount(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"{field} is not valid Unicode (lone surrogate)", paramName, e);
        }
        if (bytes > MaxNameBytes)
            throw new ArgumentException($"{field} is {bytes} bytes in UTF-8; at most {MaxNameBytes} are allowed", paramName);
    }

    public static void Json(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{field} must be a JSON document, got an empty string", field);
        try
        {
            using var _ = JsonDocument.Parse(value);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{field} is not valid JSON: {e.Message}", field, e);
        }
    }

    public static void Quota(RegistryQuota? quota, string field)
    {
        if (quota is null)
            throw new ArgumentNullException(field);
        Name(quota.Role, $"{field}.Role");
        Amounts(quota.Guarantees, $"{field}.Guarantees");
        Amounts(quota.Limits, $"{field}.Limits");
        // Mesos refuses a guarantee above its limit: it could never be honoured.
        foreach (var (resource, guarantee) in quota.Guarantees)
        {
            if (quota.Limits.TryGetValue(resource, out var limit) && guarantee > limit)
                throw new ArgumentException(
                    $"{field}.Guarantees[{resource}] ({Format(guarantee)}) must not exceed {field}.Limits[{resource}] ({Format(limit)})",
                    field);
        }
    }

    public static void Weights(IReadOnlyDictionary<string, double>? weights, string field)
    {
        if (weights is null)
            throw new ArgumentNullException(field);
        foreach (var (role, weight) in weights)
        {
            Name(role, $"{field} role", field);
            if (!double.IsFinite(weight) || weight <= 0)
                throw new ArgumentException($"{field}[{role}] must be finite and > 0, got {Format(weight)}", field);
        }
    }

    private static void Amounts(IReadOnlyDictionary<string, double>? amounts, string field)
    {
        if (amounts is null)
            throw new ArgumentNullException(field);
        foreach (var (resource, amount) in amounts)
        {
            Name(resource, $"{field} resource name", field);
            if (!double.IsFinite(amount) || amount < 0)
                throw new ArgumentException($"{field}[{resource}] must be finite and >= 0, got {Format(amount)}", field);
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
