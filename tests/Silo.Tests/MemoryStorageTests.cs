using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains;
using Orleans.Poker.Silo.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Poker.Silo.Tests;

/// <summary>The embedded default's grain storage, as the silo configures it.</summary>
public sealed class MemoryStorageTests(SiloFactory factory) : IClassFixture<SiloFactory>
{
    private IGrainStorage Storage
    {
        get
        {
            _ = factory.Server;
            return factory.Services.GetRequiredKeyedService<IGrainStorage>(PokerStorage.Name);
        }
    }

    [Fact]
    public void The_embedded_default_keeps_grain_state_in_the_silo()
    {
        Assert.IsType<SiloMemoryGrainStorage>(Storage);
    }

    [Fact]
    public async Task A_write_is_read_back_as_a_copy_with_its_etag()
    {
        var grain = GrainId.Create("test", Guid.NewGuid().ToString("N"));
        var state = new GrainState<List<string>>([]);
        await Storage.ReadStateAsync("s", grain, state);
        Assert.False(state.RecordExists);

        state.State!.Add("first");
        await Storage.WriteStateAsync("s", grain, state);
        state.State!.Add("not written");

        var read = new GrainState<List<string>>([]);
        await Storage.ReadStateAsync("s", grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(["first"], read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_stale_activation_cannot_overwrite_or_clear_a_newer_write()
    {
        var grain = GrainId.Create("test", Guid.NewGuid().ToString("N"));
        var first = new GrainState<List<string>>(["a"]);
        await Storage.WriteStateAsync("s", grain, first);
        var stale = new GrainState<List<string>>([]);
        await Storage.ReadStateAsync("s", grain, stale);
        first.State!.Add("b");
        await Storage.WriteStateAsync("s", grain, first);

        stale.State!.Add("lost");
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("s", grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("s", grain, stale));
        var never = new GrainState<List<string>>(["new"]);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("s", grain, never));

        var read = new GrainState<List<string>>([]);
        await Storage.ReadStateAsync("s", grain, read);
        Assert.Equal(["a", "b"], read.State);

        await Storage.ClearStateAsync("s", grain, read);
        await Storage.ReadStateAsync("s", grain, read);
        Assert.False(read.RecordExists);
        Assert.Empty(read.State!);
    }
}
