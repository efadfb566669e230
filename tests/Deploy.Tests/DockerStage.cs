namespace Orleans.Poker.Deploy.Tests;

/// <summary>One <c>FROM image AS name</c> stage of a Dockerfile and its instructions.</summary>
public sealed record DockerStage(string Name, string Image, List<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);
}
