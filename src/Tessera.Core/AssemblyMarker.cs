namespace Tessera.Core;

/// <summary>Anchor type for locating the core assembly.</summary>
public static class AssemblyMarker;
