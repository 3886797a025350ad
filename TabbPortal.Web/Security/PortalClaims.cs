namespace TabbPortal.Web.Security;

public static class PortalClaims
{
    public const string DisplayName = "tabb:display_name";
    public const string UnitId = "tabb:unit_id";

    public const string SessionId = "tabb:session_id";
}
