using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tests.Lobby;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>Lobby partitions storing their entries in <c>lobby_tables</c> on a real PostgreSQL database.</summary>
/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class PostgresLobbyTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    [Fact]
    public async Task A_change_writes_its_tables_row_and_a_partition_loaded_again_lists_the_rows()
    {
        var open = LobbyKit.Summary("pg-open");
        var ended = LobbyKit.Summary("pg-ended", open.TableId);
        var lobby = fixture.Grains.GetGrain<ILobbyGrain>(ILobbyGrain.PartitionOf(open.TableId));
        await lobby.Upsert(open);
        await lobby.Upsert(ended);
        await lobby.Upsert(open with { SeatsTaken = 2 });
        await lobby.Upsert(ended with { Status = TableStatus.Ended });

        var rows = await Rows(open.TableId, ended.TableId);
        await fixture.Cluster.DeactivateAsync(lobby);
        var listed = await lobby.List();

        Assert.Equal([(ILobbyGrain.PartitionOf(open.TableId), open.TableId)], rows);
        Assert.Equal(2, listed.Single(t => t.TableId == open.TableId).SeatsTaken);
        Assert.DoesNotContain(listed, t => t.TableId == ended.TableId);
    }

    [Fact]
    public async Task Tables_an_earlier_release_kept_in_grain_state_move_to_lobby_tables()
    {
        var open = LobbyKit.Summary("pg-earlier");
        var hidden = LobbyKit.Full("pg-earlier-private", open.TableId);
        var partition = ILobbyGrain.PartitionOf(open.TableId);
        await LobbyKit.WriteEarlierState(fixture.Cluster, partition, open, hidden);

        var listed = await fixture.Grains.GetGrain<ILobbyGrain>(partition).ListOpen();
        var rows = await Rows(open.TableId, hidden.TableId);
        var state = await LobbyKit.ReadEarlierState(fixture.Cluster, partition);

        Assert.Equal(new[] { open, hidden }.OrderBy(t => t.TableId, StringComparer.Ordinal), listed.Where(t => t.TableId == open.TableId || t.TableId == hidden.TableId));
        Assert.Equal(2, rows.Count);
        Assert.Empty(state.State?.Tables ?? []);
    }

    private async Task<List<(long Partition, string TableId)>> Rows(params string[] tableIds)
    {
        await using var command = fixture.Database.DataSource.CreateCommand("SELECT partition, table_id FROM lobby_tables WHERE table_id = ANY(@ids) ORDER BY table_id");
        command.Parameters.AddWithValue("ids", tableIds);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }
}
