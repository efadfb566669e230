using Npgsql;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

public sealed class PostgresPoolTests
{
    [Fact]
    public void A_connection_string_without_them_gets_the_silos_defaults()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaults("Host=127.0.0.1;Database=poker;Username=poker"));

        Assert.Equal(PostgresPool.DefaultMaxPoolSize, built.MaxPoolSize);
        Assert.Equal(PostgresPool.DefaultMaxPoolSize, built.MinPoolSize);
        Assert.Equal(PostgresPool.DefaultMaxAutoPrepare, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal(PostgresPool.NoJit, built.Options);
        Assert.Equal("poker", built.Database);
    }

    [Theory]
    [InlineData("Host=h;Maximum Pool Size=7;Minimum Pool Size=2;Max Auto Prepare=0;No Reset On Close=false;Options=-c statement_timeout=9s")]
    [InlineData("Host=h;MaxPoolSize=7;MinPoolSize=2;MaxAutoPrepare=0;NoResetOnClose=false;Options=-c statement_timeout=9s")]
    [InlineData("host=h;maximum pool size=7;minimum pool size=2;max auto prepare=0;no reset on close=false;options=-c statement_timeout=9s")]
    public void An_operator_chosen_value_is_kept(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaults(connectionString));

        Assert.Equal(7, built.MaxPoolSize);
        Assert.Equal(2, built.MinPoolSize);
        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
        Assert.Equal("-c statement_timeout=9s", built.Options);
    }
}
