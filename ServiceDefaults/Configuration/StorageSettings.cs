namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Storage__*</c>: where grain state, reminders and hand histories live.</summary>
public sealed class StorageSettings
{
    /// <summary>Npgsql connection string; empty means in-memory storage and reminders.</summary>
    public string? Postgres { get; set; }
}
