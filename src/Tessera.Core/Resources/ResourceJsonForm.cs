namespace Tessera.Core.Resources;

internal static class ResourceJsonForm
{
    public static ResourceSet Parse(string text) => throw new NotSupportedException("JSON form pending protocol DTOs");
}
