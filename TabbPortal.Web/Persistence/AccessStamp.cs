namespace TabbPortal.Web.Persistence;

/// <summary>
/// The child's access stamp (ADR-011): the column <c>Children.AccessStamp</c>, and the database triggers (migration ChildAccessStamp) that renew it
/// whenever a row the access rule reads about the child is added, removed or changed in a way the rule looks at. The
/// triggers run inside the writing transaction, for every writer (the portal, the operations commands, plain SQL), so a
/// decision remembered with the stamp is never used after such a change is committed.
/// </summary>
public static class AccessStamp
{
    public const string PropertyName = "AccessStamp";
}
