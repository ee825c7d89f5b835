namespace Tessera.Agent.Files;

/// <summary>An <c>st_mode</c> as <c>ls -l</c> shows it (<c>-rw-r--r--</c>, <c>drwxr-xr-x</c>), as Mesos' FileInfo carries it.</summary>
internal static class FileModeText
{
    public static string Format(uint mode)
    {
        var text = new char[10];
        text[0] = (mode & 0xF000) switch
        {
            0x4000 => 'd',
            0xA000 => 'l',
            0x1000 => 'p',
            0xC000 => 's',
            0x2000 => 'c',
            0x6000 => 'b',
            _ => '-',
        };
        Triple(text, 1, mode >> 6, (mode & 0x800) != 0, 's');
        Triple(text, 4, mode >> 3, (mode & 0x400) != 0, 's');
        Triple(text, 7, mode, (mode & 0x200) != 0, 't');
        return new string(text);
    }

    private static void Triple(char[] text, int at, uint bits, bool special, char specialChar)
    {
        text[at] = (bits & 4) != 0 ? 'r' : '-';
        text[at + 1] = (bits & 2) != 0 ? 'w' : '-';
        var execute = (bits & 1) != 0;
        text[at + 2] = special ? (execute ? specialChar : char.ToUpperInvariant(specialChar)) : execute ? 'x' : '-';
    }
}
