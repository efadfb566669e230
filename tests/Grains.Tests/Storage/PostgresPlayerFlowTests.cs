using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>Player and template grains writing their rows to a real PostgreSQL database.</summary>
/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class PostgresPlayerFlowTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    [Fact]
    public async Task Registration_writes_the_player_wallet_and_grant_rows()
    {
        var id = ClusterFixture.NewPlayerId();

        await fixture.Grains.GetGrain<IPlayerGrain>(id).Register(new PlayerProfile { PlayerId = id, TelegramId = id, DisplayName = "Dara" });

        Assert.Equal("Dara", await Scalar<string>("SELECT display_name FROM players WHERE player_id = @p", id));
        Assert.Equal(10_000L, await Scalar<long>("SELECT balance FROM wallets WHERE player_id = @p", id));
        Assert.Equal("grant", await Scalar<string>("SELECT kind FROM ledger_transactions WHERE player_id = @p", id));
    }

    [Fact]
    public async Task Buy_in_and_cash_out_are_recorded_once_and_move_the_wallet()
    {
        var id = ClusterFixture.NewPlayerId();
        var player = fixture.Grains.GetGrain<IPlayerGrain>(id);
        await player.Register(new PlayerProfile { PlayerId = id, DisplayName = "Elif" });
        var table = await NewTableRow();
        var buyIn = $"{table}:in:{id}";

        await player.TransferToTable(buyIn, table, 400);
        await player.TransferToTable(buyIn, table, 400);
        await player.TransferFromTable($"{table}:out:{id}", table, 650, LedgerKind.CashOut);

        Assert.Equal(3L, await Scalar<long>("SELECT count(*) FROM ledger_transactions WHERE player_id = @p", id));
        Assert.Equal(10_250L, await Scalar<long>("SELECT balance FROM wallets WHERE player_id = @p", id));
        Assert.Equal([LedgerKind.CashOut, LedgerKind.BuyIn, LedgerKind.Grant], (await player.GetLedger(0, 10)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Refused_buy_in_writes_no_row()
    {
        var id = ClusterFixture.NewPlayerId();
        var player = fixture.Grains.GetGrain<IPlayerGrain>(id);
        await player.Register(new PlayerProfile { PlayerId = id, DisplayName = "Farid" });
        var table = await NewTableRow();

        await Assert.ThrowsAsync<PokerException>(() => player.TransferToTable($"{table}:in:{id}", table, 10_001));

        Assert.Equal(1L, await Scalar<long>("SELECT count(*) FROM ledger_transactions WHERE player_id = @p", id));
    }

    [Fact]
    public async Task Template_versions_land_in_table_templates()
    {
        var templateId = ClusterFixture.NewKey("tpl");
        var template = fixture.Grains.GetGrain<ITemplateGrain>(templateId);
        var config = new TemplateConfig { Name = "PG", Variant = "NT", SmallBlind = 1, BigBlind = 2, MinBuyIn = 40, MaxBuyIn = 200 };

        await template.Create(config);
        await template.Update(config with { BigBlind = 4, MinBuyIn = 80, MaxBuyIn = 400 });
        await template.SetActive(false);

        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM table_templates WHERE template_id = @t", ("t", templateId)));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM table_templates WHERE template_id = @t AND is_active", ("t", templateId)));
    }

    private async Task<string> NewTableRow()
    {
        var templateId = ClusterFixture.NewKey("tpl");
        var config = new TemplateConfig { Name = "PG", Variant = "NT", SmallBlind = 1, BigBlind = 2, MinBuyIn = 40, MaxBuyIn = 200 };
        var version = await fixture.Grains.GetGrain<ITemplateGrain>(templateId).Create(config);
        var tableId = ClusterFixture.NewKey("table");
        await fixture.TableRecords.UpsertTableAsync(new TableRecord(
            tableId, templateId, version.Version, "PG table", TableType.Persistent, TableStatus.Waiting, null, fixture.Time.GetUtcNow(), null, null));
        return tableId;
    }

    private Task<T> Scalar<T>(string sql, long playerId) => fixture.Database.ScalarAsync<T>(sql, ("p", playerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
