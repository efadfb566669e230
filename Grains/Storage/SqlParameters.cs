using Npgsql;
using NpgsqlTypes;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Typed parameters, so that nulls keep their column type and times go in as UTC.</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter Param(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(Param(name, type, value));
        return command;
    }

    public static NpgsqlCommand WithTime(this NpgsqlCommand command, string name, DateTimeOffset? value) =>
        command.With(name, NpgsqlDbType.TimestampTz, value?.ToUniversalTime());

    public static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static long ParseId(string id) => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset? GetTimeOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
