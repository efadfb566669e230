using System.Data.Common;
using Npgsql;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// Connection pool limits. A silo opens two pools (the stores' data source, and Orleans' grain state and reminders);
/// at Npgsql's default of 100 each, one busy silo alone could pass PostgreSQL's default limit of 100 connections
/// and have its statements refused. Unless the connection string sets a maximum pool size, each pool gets
/// <see cref="DefaultMaxPoolSize"/>: requests beyond it wait for a free connection instead of failing.
/// </summary>
public static class PostgresPool
{
    public const int DefaultMaxPoolSize = 20;

    public static string WithDefaultLimit(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        if (keys.Any(k => k is "maximumpoolsize" or "maxpoolsize"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
    }
}
