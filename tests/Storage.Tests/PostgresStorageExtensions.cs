using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Poker.Storage.Tests;

/// <summary>
/// Grain storage and reminders on PostgreSQL through the Orleans ADO.NET providers, with the tables and
/// queries of the migrations (0001, 0002). Meant to move to the Silo.
/// </summary>
public static class PostgresStorageExtensions
{
    /// <summary>The ADO.NET invariant of Npgsql; referencing the Npgsql package registers it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Adds a named ADO.NET grain storage on PostgreSQL that stores state with the Orleans serializer
    /// (binary, version tolerant through <c>[Id(n)]</c> and <c>[Alias]</c>) instead of the provider's
    /// default Newtonsoft JSON with <c>$type</c> names, which breaks old rows when a type is renamed.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, string connectionString) =>
        builder.AddAdoNetGrainStorage(name, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<Serializer>((storage, serializer) =>
            {
                storage.Invariant = Invariant;
                storage.ConnectionString = connectionString;
                storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

    /// <summary>Keeps reminders in PostgreSQL through the ADO.NET reminder table.</summary>
    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder builder, string connectionString) =>
        builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
}
