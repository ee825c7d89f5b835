using Tessera.Cli;

return await TesseraCommand.RunAsync(args, Console.Out, Console.Error);
