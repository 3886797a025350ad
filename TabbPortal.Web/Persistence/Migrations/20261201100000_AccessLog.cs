using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>
/// The hash-chained access log and the recorded log reviews (ADR-003, ADR-008). Triggers make both append-only in the
/// database itself, whatever code writes to it.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201100000_AccessLog")]
public sealed class AccessLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "AccessLog" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_AccessLog" PRIMARY KEY,
                "At" INTEGER NOT NULL,
                "UserId" TEXT NOT NULL,
                "UserName" TEXT NOT NULL,
                "Role" TEXT NOT NULL,
                "UnitId" TEXT NULL,
                "Agency" TEXT NULL,
                "ChildId" TEXT NOT NULL,
                "Kind" TEXT NOT NULL,
                "Part" TEXT NOT NULL,
                "Allowed" INTEGER NOT NULL,
                "Basis" TEXT NOT NULL,
                "BasisReference" TEXT NULL,
                "SessionId" TEXT NULL,
                "PreviousHash" TEXT NOT NULL,
                "Hash" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_AccessLog_At" ON "AccessLog" ("At");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_AccessLog_ChildId_Id" ON "AccessLog" ("ChildId", "Id");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_AccessLog_UnitId_Id" ON "AccessLog" ("UnitId", "Id");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_AccessLog_UserId_Id" ON "AccessLog" ("UserId", "Id");""");
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_AccessLog_NoUpdate" BEFORE UPDATE ON "AccessLog"
            BEGIN
                SELECT RAISE(ABORT, 'The access log is append-only: an entry cannot be changed.');
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_AccessLog_NoDelete" BEFORE DELETE ON "AccessLog"
            BEGIN
                SELECT RAISE(ABORT, 'The access log is append-only: an entry cannot be deleted.');
            END;
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "LogReviews" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_LogReviews" PRIMARY KEY,
                "ReviewerUserId" TEXT NOT NULL,
                "ReviewerName" TEXT NOT NULL,
                "ReviewedAt" INTEGER NOT NULL,
                "PeriodFrom" TEXT NOT NULL,
                "PeriodTo" TEXT NOT NULL,
                "SampleEntryIds" TEXT NOT NULL,
                "Conclusion" TEXT NOT NULL,
                "HasRemarks" INTEGER NOT NULL
            );
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_LogReviews_ReviewedAt" ON "LogReviews" ("ReviewedAt");""");
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_LogReviews_NoUpdate" BEFORE UPDATE ON "LogReviews"
            BEGIN
                SELECT RAISE(ABORT, 'A recorded log review cannot be changed.');
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_LogReviews_NoDelete" BEFORE DELETE ON "LogReviews"
            BEGIN
                SELECT RAISE(ABORT, 'A recorded log review cannot be deleted.');
            END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER "TR_LogReviews_NoDelete";""");
        migrationBuilder.Sql("""DROP TRIGGER "TR_LogReviews_NoUpdate";""");
        migrationBuilder.DropTable(name: "LogReviews");
        migrationBuilder.Sql("""DROP TRIGGER "TR_AccessLog_NoDelete";""");
        migrationBuilder.Sql("""DROP TRIGGER "TR_AccessLog_NoUpdate";""");
        migrationBuilder.DropTable(name: "AccessLog");
    }
}
