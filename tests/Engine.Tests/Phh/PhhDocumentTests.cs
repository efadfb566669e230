using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Tests.Phh;

public sealed class PhhDocumentTests
{
    [Fact]
    public void Malformed_toml_names_the_line()
    {
        var error = Assert.Throws<PhhFormatException>(() => PhhDocument.Parse("variant = 'NT'\nantes = [0, 0\nmin_bet = 2\n"));

        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Illegal_action_names_the_action_and_line()
    {
        var document = PhhDocument.Parse("""
            variant = "NT"
            antes = [0, 0]
            blinds_or_straddles = [1, 2]
            min_bet = 2
            starting_stacks = [100, 100]
            actions = [
              "d dh p1 AsKs",
              "d dh p2 QhQd",
              "p2 cbr 3",
            ]
            """);

        var error = Assert.Throws<PhhFormatException>(() => PhhReplay.Replay(document));

        Assert.Equal(2, error.ActionIndex);
        Assert.Equal(9, error.Line);
        Assert.Contains("BelowMinimumRaise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_action_code_is_a_format_error()
    {
        var document = PhhDocument.Parse("variant = 'NT'\nantes = [0, 0]\nblinds_or_straddles = [1, 2]\nmin_bet = 2\nstarting_stacks = [100, 100]\nactions = ['d dh p1 AsKs', 'p3 xx']\n");

        var error = Assert.Throws<PhhFormatException>(() => PhhReplay.Replay(document));

        Assert.Equal(1, error.ActionIndex);
    }

    [Fact]
    public void Automatic_hand_exports_to_phh_that_replays_to_the_same_stacks()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var hand = new Hand(HandConfig.NoLimitHoldem([100, 80, 60, 40], 1, 2), Deck.Seeded(seed));
            var rng = new Random(seed);
            while (!hand.IsOver)
            {
                var legal = hand.GetLegalActions();
                hand.Apply(legal.CanBetOrRaise && rng.Next(4) == 0 ? PlayerAction.RaiseTo(legal.Seat, legal.MaxRaiseTo) : PlayerAction.CheckOrCall(legal.Seat));
            }

            var text = hand.ToPhh();
            var replayed = PhhReplay.Replay(PhhDocument.Parse(text));

            Assert.Equal(hand.Stacks, replayed.Stacks);
        }
    }

    private static PhhDocument HeadsUp() => PhhDocument.Parse("""
        variant = "NT"
        antes = [0, 0]
        blinds_or_straddles = [1, 2]
        min_bet = 2
        starting_stacks = [100, 100]
        actions = ["d dh p1 AsKs", "d dh p2 QhQd", "p2 f"]
        """);

    [Fact]
    public void Time_is_written_as_a_toml_local_time_and_read_back_as_one()
    {
        var document = HeadsUp();
        document.Extra["time"] = new TimeOnly(14, 3, 22);

        var text = document.ToToml();
        var read = PhhDocument.Parse(text);

        Assert.Contains("\ntime = 14:03:22\n", text, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(14, 3, 22), read.Extra["time"]);
        Assert.Equal(text, read.ToToml());
    }

    [Fact]
    public void Time_given_as_text_is_written_as_a_local_time()
    {
        var document = HeadsUp();
        document.Extra["time"] = "09:05:00";

        Assert.Contains("\ntime = 09:05:00\n", document.ToToml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_outside_the_standard_are_written_with_a_leading_underscore()
    {
        var document = HeadsUp();
        document.Extra["rake"] = 3L;
        document.Extra["_rake"] = 3L;
        document.Extra["table"] = "Tehran 1";
        document.Extra["_note"] = "kept";

        var text = document.ToToml();

        Assert.DoesNotContain("\nrake", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), line => line == "_rake = 3");
        Assert.Contains("\ntable = \"Tehran 1\"\n", text, StringComparison.Ordinal);
        Assert.Contains("\n_note = \"kept\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void One_field_under_two_names_with_different_values_is_refused()
    {
        var document = HeadsUp();
        document.Extra["rake"] = 3L;
        document.Extra["_rake"] = 4L;

        var error = Assert.Throws<InvalidOperationException>(document.ToToml);

        Assert.Contains("_rake", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time", "noon")]
    [InlineData("day", "12")]
    [InlineData("time_zone", 0L)]
    public void Standard_field_of_another_type_is_refused(string key, object value)
    {
        var document = HeadsUp();
        document.Extra[key] = value;

        var error = Assert.Throws<InvalidOperationException>(document.ToToml);

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_numbers_dates_and_tables_are_written_as_toml_values()
    {
        var document = HeadsUp();
        document.Extra["seats"] = new List<long> { 2, 5 };
        document.Extra["_ratio"] = 2.0;
        document.Extra["_day"] = new DateOnly(2025, 3, 1);
        document.Extra["_meta"] = new Dictionary<string, object> { ["a b"] = 1L, ["c"] = "d" };

        var read = PhhDocument.Parse(document.ToToml());

        Assert.Equal(new List<object> { 2L, 5L }, read.Extra["seats"]);
        Assert.Equal(2.0, read.Extra["_ratio"]);
        Assert.Equal(new DateOnly(2025, 3, 1), read.Extra["_day"]);
        Assert.Equal(new Dictionary<string, object> { ["a b"] = 1L, ["c"] = "d" }, read.Extra["_meta"]);
    }
}
