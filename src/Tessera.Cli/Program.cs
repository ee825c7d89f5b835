using Tessera.Cli;

return TesseraCommand.Run(args, Console.Out, Console.Error);
