namespace TabbPortal.Web.Security;

public static class PortalClaims
{
    public const string DisplayName = "tabb:display_name";
    public const string UnitId = "tabb:unit_id";

    /// <summary>A new random id per sign-in, kept across the security-stamp refresh; the access log records it.</summary>
    public const string SessionId = "tabb:session_id";
}
