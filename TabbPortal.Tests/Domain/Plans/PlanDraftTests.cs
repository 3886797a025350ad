using TabbPortal.Domain.Plans;
using static TabbPortal.Tests.Domain.Plans.PlanTestData;

namespace TabbPortal.Tests.Domain.Plans;

public sealed class PlanDraftTests
{
    [Fact]
    public void KeepsTheNewestTextAndWhenItWasTyped()
    {
        var draft = PlanDraft.Start(Guid.NewGuid(), KarinId, "views.ChildViews", "Noah vill", Now);

        draft.Update("Noah vill gå till skolan", Now.AddSeconds(2));

        Assert.Equal(("views.ChildViews", "Noah vill gå till skolan", Now.AddSeconds(2)), (draft.Field, draft.Value, draft.SavedAt));
    }

    [Fact]
    public void CutsTextBeyondTheLongestFieldAndKeepsEmptyText()
    {
        var draft = PlanDraft.Start(Guid.NewGuid(), KarinId, "meeting.Notes", new string('a', PlanDraft.ValueMaxLength + 10), Now);
        Assert.Equal(PlanDraft.ValueMaxLength, draft.Value.Length);

        draft.Update(string.Empty, Now);
        Assert.Equal(string.Empty, draft.Value);
    }

    [Fact]
    public void NeedsAUserAndAFieldKey()
    {
        Assert.ThrowsAny<ArgumentException>(() => PlanDraft.Start(Guid.NewGuid(), " ", "views.Summary", "x", Now));
        Assert.ThrowsAny<ArgumentException>(() => PlanDraft.Start(Guid.NewGuid(), KarinId, "", "x", Now));
        Assert.ThrowsAny<ArgumentException>(() => PlanDraft.Start(Guid.NewGuid(), KarinId, new string('f', PlanDraft.FieldMaxLength + 1), "x", Now));
    }
}
