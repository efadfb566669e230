using System.Data.Common;
using Npgsql;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The silo's connection defaults, each kept when the connection string sets it. A silo opens two pools (the stores'
/// data source, and Orleans' grain state and reminders); at Npgsql's default of 100 each, one busy silo alone could
/// pass PostgreSQL's default limit of 100 connections and have its statements refused: each pool gets
/// <see cref="DefaultMaxPoolSize"/>, and requests beyond it wait for a free connection instead of failing. Its
/// statements, a few dozen texts run thousands of times, are prepared on each connection after their fifth use
/// (<see cref="DefaultMaxAutoPrepare"/>): measured under the load tool at ~540 actions/s, PostgreSQL used about a
/// quarter less CPU. A connection taken from the pool is not reset (<c>No Reset On Close</c>): Npgsql would otherwise
/// send six reset statements (<c>RESET ALL</c>, <c>UNLISTEN *</c>, <c>DISCARD TEMP</c>, …) with the next statement of
/// every checkout, one per journal batch and per state write, and these pools never change session state (no
/// <c>SET</c>, temporary tables, <c>LISTEN</c> or advisory locks; an open transaction is still rolled back). Measured
/// with the grains benchmark: PostgreSQL CPU per action about a tenth lower, actions/s about a sixth higher. The
/// sessions run without JIT compilation (<c>Options=-c jit=off</c>, <see cref="NoJit"/>): the journal's sweep, planned
/// above PostgreSQL's <c>jit_above_cost</c>, was compiled by LLVM on every run (a fresh backend loading LLVM first):
/// about 100 ms of a core instead of 11 ms for the statement itself, every 5 minutes, on cores the tables' commits
/// share (398 ms against 140 ms on a busy two-core host); no statement of the room runs long enough to gain from JIT. A pool keeps
/// the connections it opened (<c>Minimum Pool Size</c> = its maximum): with Npgsql's default of 0, the connections
/// idle for 5 minutes were closed together and opened again at once under the next burst, cold (each new backend
/// loads its catalog caches and plans every statement again), and the silo's tables waited behind them.
/// </summary>
public static class PostgresPool
{
    public const int DefaultMaxPoolSize = 20;

    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>The session option that turns PostgreSQL's JIT compilation off for the silo's connections.</summary>
    public const string NoJit = "-c jit=off";

    public static string WithDefaults(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("maximumpoolsize") && !keys.Contains("maxpoolsize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!keys.Contains("minimumpoolsize") && !keys.Contains("minpoolsize"))
        {
            builder.MinPoolSize = builder.MaxPoolSize;
        }

        if (!keys.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!keys.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!keys.Contains("options"))
        {
            builder.Options = NoJit;
        }

        return builder.ConnectionString;
    }
}
