using System.Diagnostics;

namespace Orleans.Poker.Migrations.Tests;

public sealed class MigrationCliTests
{
    private static readonly int ScriptCount = MigrationRunner.ScriptNames().Count;

    [Fact]
    public async Task Status_lists_pending_scripts_before_and_applied_scripts_after()
    {
        await using var db = await TestDatabase.CreateAsync();

        var before = await RunAsync("--status", "--connection", db.ConnectionString);
        var apply = await RunAsync("--connection", db.ConnectionString);
        var after = await RunAsync("--status", "--connection", db.ConnectionString);

        Assert.Equal(0, before.ExitCode);
        Assert.Contains($"0 applied, {ScriptCount} pending", before.Output);
        Assert.Contains("pending 0001_orleans_persistence.sql", before.Output);
        Assert.Contains("pending 0003_app_schema_v1.sql", before.Output);
        Assert.DoesNotContain("applied 0001", before.Output);

        Assert.Equal(0, apply.ExitCode);
        Assert.Contains("applied 0002_orleans_reminders.sql", apply.Output);
        Assert.Matches($@"schema version \d{{4}}_\w+\.sql, {ScriptCount} script\(s\) in the journal; migration took \d+\.\d\d s", apply.Output);

        Assert.Equal(0, after.ExitCode);
        Assert.Contains($"{ScriptCount} applied, 0 pending", after.Output);
        Assert.Contains("applied 0001_orleans_persistence.sql", after.Output);
        Assert.DoesNotContain("pending", after.Output.Replace("0 pending", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_answers_pending_and_changes_nothing_until_the_scripts_are_applied()
    {
        await using var db = await TestDatabase.CreateAsync();

        var before = await RunAsync("--verify", "--connection", db.ConnectionString);
        var again = await RunAsync("--verify", "--connection", db.ConnectionString);
        await RunAsync("--connection", db.ConnectionString);
        var after = await RunAsync("--verify", "--connection", db.ConnectionString);

        Assert.Equal(MigrationCli.PendingExitCode, before.ExitCode);
        Assert.Contains("pending 0001_orleans_persistence.sql", before.Output);
        Assert.Contains($"{ScriptCount} script(s) pending", before.Output);
        Assert.Equal(MigrationCli.PendingExitCode, again.ExitCode);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains($"up to date ({ScriptCount} applied)", after.Output);
        Assert.DoesNotContain("pending", after.Output);
    }

    [Fact]
    public async Task Verify_with_status_is_a_usage_error()
    {
        var run = await RunAsync("--verify", "--status", "--connection", "Host=127.0.0.1;Database=unused");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exclude each other", run.Error);
    }

    [Fact]
    public async Task First_line_names_the_tool_and_the_product_version()
    {
        var run = await RunAsync("--status", "--connection", "Host=127.0.0.1;Port=1;Database=unreachable;Timeout=1");

        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", MigrationCli.Version);
        Assert.Equal($"Orleans.Poker Migrations {MigrationCli.Version} starting", run.Output.Split('\n')[0].TrimEnd('\r'));
    }

    [Fact]
    public async Task Second_run_reports_nothing_to_apply()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();

        var run = await RunAsync("--connection", db.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("up to date", run.Output);
        Assert.DoesNotContain("applied ", run.Output);
    }

    [Fact]
    public async Task Broken_script_exits_non_zero_naming_the_script_and_the_error()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var scripts = new ScriptFolder()
            .With("9001_broken.sql", "CREATE TABLE half_created (id int);\nSELECT no_such_column FROM half_created;");

        var run = await RunAsync("--connection", db.ConnectionString, "--scripts-dir", scripts.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("9001_broken.sql", run.Error);
        Assert.Contains("42703", run.Error);
        Assert.Contains("no_such_column", run.Error);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.half_created') IS NOT NULL"));
    }

    [Fact]
    public async Task Connection_string_comes_from_the_environment_without_the_option()
    {
        await using var db = await TestDatabase.CreateAsync();
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await MigrationCli.RunAsync(
            ["--status"], output, error,
            name => name == MigrationCli.ConnectionVariable ? db.ConnectionString : null);

        Assert.Equal(0, exitCode);
        Assert.Contains($"database {db.Name}", output.ToString());
    }

    [Fact]
    public async Task Missing_connection_is_a_usage_error()
    {
        var error = new StringWriter();

        var exitCode = await MigrationCli.RunAsync(["--status"], new StringWriter(), error, _ => null);

        Assert.Equal(2, exitCode);
        Assert.Contains(MigrationCli.ConnectionVariable, error.ToString());
    }

    [Fact]
    public async Task Built_tool_runs_as_a_process_with_the_environment_variable()
    {
        await using var db = await TestDatabase.CreateAsync();
        var tool = typeof(MigrationRunner).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { tool },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[MigrationCli.ConnectionVariable] = db.ConnectionString;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains($"{ScriptCount} script(s) applied", await output);
        Assert.Equal(ScriptCount, await db.ScalarAsync<long>("SELECT count(*) FROM schemaversions"));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await MigrationCli.RunAsync(args, output, error, _ => null);
        return (exitCode, output.ToString(), error.ToString());
    }
}
