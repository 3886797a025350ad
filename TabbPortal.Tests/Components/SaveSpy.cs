using TabbPortal.Web.Administration;

namespace TabbPortal.Tests.Components;

/// <summary>
/// Stands in for a form's Save delegate: records a snapshot of the input at each call (the form keeps mutating the same
/// input object) and answers with <see cref="Result"/> after a real asynchronous hop, as a server call would.
/// </summary>
public sealed class SaveSpy<TInput, TSnapshot>(Func<TInput, TSnapshot> snapshot, SaveResult result)
{
    private readonly List<TSnapshot> _calls = [];

    public IReadOnlyList<TSnapshot> Calls => _calls;

    public SaveResult Result { get; set; } = result;

    public async Task<SaveResult> Save(TInput input)
    {
        _calls.Add(snapshot(input));
        await Task.Yield();
        return Result;
    }
}
