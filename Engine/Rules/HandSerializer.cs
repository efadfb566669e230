using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// Compact versioned binary form of a hand in progress: version, configuration, deck and the action log.
/// Reading replays the log (the hand is a deterministic function of those), so a stored hand can never be
/// in a state the rules do not allow.
/// </summary>
public static class HandSerializer
{
    public const byte Version = 1;

    public static byte[] Serialize(Hand hand)
    {
        ArgumentNullException.ThrowIfNull(hand);
        using var stream = new MemoryStream(256);
        using var writer = new BinaryWriter(stream);
        var config = hand.Config;
        writer.Write(Version);
        writer.Write(config.Variant.Code);
        writer.Write7BitEncodedInt(config.PlayerCount);
        foreach (var stack in config.StartingStacks)
        {
            writer.Write7BitEncodedInt64(stack);
        }

        WriteList(writer, config.Antes);
        WriteList(writer, config.BlindsOrStraddles);
        writer.Write7BitEncodedInt64(config.BringIn);
        writer.Write7BitEncodedInt64(config.SmallBet);
        writer.Write7BitEncodedInt64(config.BigBet);
        writer.Write7BitEncodedInt64(config.MinBet);
        writer.Write(config.AnteTrimming);
        writer.Write7BitEncodedInt(config.Rake.BasisPoints);
        writer.Write7BitEncodedInt64(config.Rake.Cap);
        writer.Write(config.Rake.NoFlopNoDrop);
        if (hand.Deck is { } deck)
        {
            writer.Write(true);
            writer.Write((byte)deck.Count);
            foreach (var card in deck.Cards)
            {
                writer.Write(card.Index);
            }

            writer.Write(deck.ReshuffleKey);
        }
        else
        {
            writer.Write(false);
        }

        writer.Write7BitEncodedInt(hand.ActionLog.Count);
        foreach (var action in hand.ActionLog)
        {
            writer.Write((byte)action.Kind);
            writer.Write((sbyte)action.Seat);
            writer.Write7BitEncodedInt64(action.Amount);
            writer.Write((byte)action.Cards.Count);
            for (var k = 0; k < action.Cards.Count; k++)
            {
                writer.Write(action.Cards[k].Index);
            }
        }

        writer.Flush();
        return stream.ToArray();
    }

    public static Hand Deserialize(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data, false));
            var version = reader.ReadByte();
            if (version != Version)
            {
                throw new FormatException($"hand format version {version} is not supported (expected {Version})");
            }

            var variant = Variants.Get(reader.ReadString());
            var players = reader.Read7BitEncodedInt();
            var stacks = new long[players];
            for (var i = 0; i < players; i++)
            {
                stacks[i] = reader.Read7BitEncodedInt64();
            }

            var config = new HandConfig
            {
                Variant = variant,
                StartingStacks = stacks,
                Antes = ReadList(reader),
                BlindsOrStraddles = ReadList(reader),
                BringIn = reader.Read7BitEncodedInt64(),
                SmallBet = reader.Read7BitEncodedInt64(),
                BigBet = reader.Read7BitEncodedInt64(),
                MinBet = reader.Read7BitEncodedInt64(),
                AnteTrimming = reader.ReadBoolean(),
                Rake = new RakeRule(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt64(), reader.ReadBoolean()),
            };
            Deck? deck = null;
            if (reader.ReadBoolean())
            {
                var count = reader.ReadByte();
                var cards = new Card[count];
                for (var i = 0; i < count; i++)
                {
                    cards[i] = new Card(reader.ReadByte());
                }

                deck = new Deck(cards, reader.ReadUInt64());
            }

            var hand = new Hand(config, deck);
            var actions = reader.Read7BitEncodedInt();
            for (var a = 0; a < actions; a++)
            {
                var kind = (ActionKind)reader.ReadByte();
                var seat = (int)reader.ReadSByte();
                var amount = reader.Read7BitEncodedInt64();
                var count = reader.ReadByte();
                var packed = PackedCards.Empty;
                for (var k = 0; k < count; k++)
                {
                    packed = packed.Add(new Card(reader.ReadByte()));
                }

                var action = new PlayerAction(kind, seat, amount, packed);
                if (!hand.TryApply(action, out var error))
                {
                    throw new FormatException($"stored action {a} ({action}) does not replay: {error}");
                }
            }

            return hand;
        }
        catch (EndOfStreamException e)
        {
            throw new FormatException("the stored hand is truncated", e);
        }
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<long> values)
    {
        writer.Write7BitEncodedInt(values.Count);
        foreach (var value in values)
        {
            writer.Write7BitEncodedInt64(value);
        }
    }

    private static long[] ReadList(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.Read7BitEncodedInt64();
        }

        return values;
    }
}
