using Orleans.Poker.Migrations;

return await MigrationCli.RunAsync(args, Console.Out, Console.Error);
