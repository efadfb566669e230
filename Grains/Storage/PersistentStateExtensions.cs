namespace Orleans.Poker.Grains.Storage;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes <paramref name="store"/>'s state; when the write fails, the activation's memory is ahead of storage (what
    /// the call changed was never kept), so <paramref name="grain"/>'s activation goes and the next call reads what
    /// storage holds. The failure reaches the caller.
    /// </summary>
    public static async Task WriteOrDeactivate<T>(this IPersistentState<T> store, IGrainBase grain)
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
