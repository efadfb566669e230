using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Lobby;

[Collection(ClusterCollection.Name)]
public sealed class LobbyGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan NotificationTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Lists_public_open_tables_only()
    {
        var open = Table("open");
        var lobby = LobbyOf(open.TableId);
        var hidden = Table("private", open.TableId) with { IsPrivate = true };
        var ended = Table("ended", open.TableId) with { Status = TableStatus.Ended };

        await lobby.Upsert(open);
        await lobby.Upsert(hidden);
        await lobby.Upsert(ended);

        var listed = (await lobby.List()).Select(t => t.TableId).ToList();
        Assert.Contains(open.TableId, listed);
        Assert.DoesNotContain(hidden.TableId, listed);
        Assert.DoesNotContain(ended.TableId, listed);
    }

    [Fact]
    public async Task Upsert_replaces_and_remove_drops_a_table()
    {
        var table = Table("t");
        var lobby = LobbyOf(table.TableId);
        await lobby.Upsert(table);

        await lobby.Upsert(table with { SeatsTaken = 4 });
        var afterUpdate = (await lobby.List()).Single(t => t.TableId == table.TableId).SeatsTaken;
        await lobby.Remove(table.TableId);

        Assert.Equal(4, afterUpdate);
        Assert.DoesNotContain(await lobby.List(), t => t.TableId == table.TableId);
    }

    [Fact]
    public void Partition_of_a_table_is_stable_and_in_range()
    {
        var partitions = Enumerable.Range(0, 200).Select(i => ILobbyGrain.PartitionOf($"table-{i}")).ToList();

        Assert.All(partitions, p => Assert.InRange(p, 0, ILobbyGrain.Partitions - 1));
        Assert.Equal(ILobbyGrain.Partitions, partitions.Distinct().Count());
        Assert.Equal(ILobbyGrain.PartitionOf("table-7"), ILobbyGrain.PartitionOf("table-7"));
    }

    [Fact]
    public async Task Observers_hear_updates_and_removals()
    {
        var table = Table("observed");
        var lobby = LobbyOf(table.TableId);
        var observer = new RecordingObserver();
        var reference = fixture.Client.CreateObjectReference<ILobbyObserver>(observer);
        await lobby.Subscribe(reference);
        try
        {
            await lobby.Upsert(table);
            var updated = await observer.NextAsync(table.TableId);
            await lobby.Upsert(table with { IsPrivate = true });
            var hidden = await observer.NextAsync(table.TableId);
            await lobby.Upsert(table with { SeatsTaken = 2 });
            var shownAgain = await observer.NextAsync(table.TableId);
            await lobby.Remove(table.TableId);
            var removed = await observer.NextAsync(table.TableId);

            Assert.Equal("updated", updated);
            Assert.Equal("removed", hidden);
            Assert.Equal("updated", shownAgain);
            Assert.Equal("removed", removed);
        }
        finally
        {
            await lobby.Unsubscribe(reference);
            fixture.Client.DeleteObjectReference<ILobbyObserver>(reference);
        }
    }

    [Fact]
    public async Task A_partition_loaded_again_lists_what_it_listed()
    {
        var open = Table("kept");
        var lobby = LobbyOf(open.TableId);
        var hidden = Table("kept-private", open.TableId) with { IsPrivate = true };
        var gone = Table("kept-removed", open.TableId);
        await lobby.Upsert(open);
        await lobby.Upsert(hidden);
        await lobby.Upsert(gone);
        await lobby.Upsert(open with { SeatsTaken = 3 });
        await lobby.Upsert(gone with { Status = TableStatus.Ended });
        var before = (Listed: Mine(await lobby.List()), Open: Mine(await lobby.ListOpen()));

        await fixture.Cluster.DeactivateAsync(lobby);
        var after = (Listed: Mine(await lobby.List()), Open: Mine(await lobby.ListOpen()));

        Assert.Equal([open with { SeatsTaken = 3 }], after.Listed);
        Assert.Equal(new[] { open with { SeatsTaken = 3 }, hidden }.OrderBy(t => t.TableId, StringComparer.Ordinal), after.Open);
        Assert.Equal(before.Listed, after.Listed);
        Assert.Equal(before.Open, after.Open);

        List<TableSummary> Mine(IEnumerable<TableSummary> tables) => [.. tables.Where(t => t.TableId == open.TableId || t.TableId == hidden.TableId || t.TableId == gone.TableId)];
    }

    [Fact]
    public async Task Tables_an_earlier_release_kept_in_grain_state_move_to_the_store_and_the_state_is_cleared()
    {
        var open = Table("earlier");
        var partition = ILobbyGrain.PartitionOf(open.TableId);
        var hidden = LobbyKit.Full("earlier-private", open.TableId);
        var current = Table("current", open.TableId);
        await fixture.Grains.GetGrain<ILobbyGrain>(partition).Upsert(current);
        await LobbyKit.WriteEarlierState(fixture.Cluster, partition, open, hidden);
        var lobby = fixture.Grains.GetGrain<ILobbyGrain>(partition);

        var listed = await lobby.List();
        var stored = await fixture.SiloServices.GetRequiredService<ILobbyStore>().Load(partition);
        var state = await LobbyKit.ReadEarlierState(fixture.Cluster, partition);
        await fixture.Cluster.DeactivateAsync(lobby);

        Assert.Contains(open, listed);
        Assert.Contains(current, listed);
        Assert.DoesNotContain(hidden, listed);
        Assert.Contains(open, stored);
        Assert.Contains(hidden, stored);
        Assert.Empty(state.State?.Tables ?? []);
        Assert.Contains(hidden, await lobby.ListOpen());
        Assert.Contains(open, await lobby.List());
    }

    private ILobbyGrain LobbyOf(string tableId) => fixture.Grains.GetGrain<ILobbyGrain>(ILobbyGrain.PartitionOf(tableId));

    private static TableSummary Table(string name, string? sameAs = null) => LobbyKit.Summary(name, sameAs);

    private sealed class RecordingObserver : ILobbyObserver
    {
        private readonly Channel<(string TableId, string What)> _events = Channel.CreateUnbounded<(string, string)>();

        public Task OnTableUpdated(TableSummary table) => _events.Writer.WriteAsync((table.TableId, "updated")).AsTask();

        public Task OnTableRemoved(string tableId) => _events.Writer.WriteAsync((tableId, "removed")).AsTask();

        /// <summary>The next notification about <paramref name="tableId"/> (other tests' tables are ignored).</summary>
        public async Task<string> NextAsync(string tableId)
        {
            using var timeout = new CancellationTokenSource(NotificationTimeout);
            while (true)
            {
                var (id, what) = await _events.Reader.ReadAsync(timeout.Token);
                if (id == tableId)
                {
                    return what;
                }
            }
        }
    }
}
