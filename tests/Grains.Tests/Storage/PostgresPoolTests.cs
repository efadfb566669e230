using Npgsql;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

public sealed class PostgresPoolTests
{
    [Fact]
    public void A_connection_string_without_them_gets_the_default_pool_limit_prepared_statements_and_no_reset()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaults("Host=127.0.0.1;Database=poker;Username=poker"));

        Assert.Equal(PostgresPool.DefaultMaxPoolSize, built.MaxPoolSize);
        Assert.Equal(PostgresPool.DefaultMaxAutoPrepare, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("poker", built.Database);
    }

    [Theory]
    [InlineData("Host=h;Maximum Pool Size=7;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=h;MaxPoolSize=7;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("host=h;maximum pool size=7;max auto prepare=0;no reset on close=false")]
    public void An_operator_chosen_value_is_kept(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaults(connectionString));

        Assert.Equal(7, built.MaxPoolSize);
        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
    }
}
