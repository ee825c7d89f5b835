namespace Tessera.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: Tessera.Benchmarks micro | allocator [--agents N] [--frameworks M]");
        return args.Length == 0 ? 2 : 0;
    }
}
