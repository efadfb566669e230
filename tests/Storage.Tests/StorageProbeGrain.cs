using Orleans.Runtime;

namespace Orleans.Poker.Storage.Tests;

/// <summary>Implements <see cref="IStorageProbeGrain"/> on a named PostgreSQL storage.</summary>
public sealed class StorageProbeGrain(
    [PersistentState("probe", StorageProbeGrain.StorageName)] IPersistentState<StorageProbeState> state)
    : Grain, IStorageProbeGrain, IRemindable
{
    /// <summary>The storage provider name the tests register.</summary>
    public const string StorageName = "pokerStore";

    /// <summary>The reminder's name.</summary>
    public const string ReminderName = "watchdog";

    /// <summary>The reminder's due time and period: long enough never to fire during a test.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public async Task Remember(string note)
    {
        state.State.Note = note;
        state.State.Writes++;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
    }

    /// <inheritdoc />
    public async Task<StorageProbeSnapshot> Read()
    {
        var reminder = await this.GetReminder(ReminderName);
        var all = await this.GetReminders();
        return new StorageProbeSnapshot(state.State.Note, state.State.Writes, state.RecordExists, reminder?.ReminderName, all.Count);
    }

    /// <inheritdoc />
    public async Task Forget()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await state.ClearStateAsync();
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
