using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>
/// The consent ledger (entries and withdrawals, never updated in place: triggers refuse it) and emergency accesses
/// (ADR-003 for the hand-written DDL).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201090000_ConsentLedger")]
public sealed class ConsentLedger : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "Consents" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_Consents" PRIMARY KEY,
                "ChildId" TEXT NOT NULL,
                "Giver" TEXT NOT NULL,
                "GuardianId" TEXT NULL,
                "GiverName" TEXT NOT NULL,
                "SharedWith" INTEGER NOT NULL,
                "Categories" INTEGER NOT NULL,
                "Purpose" TEXT NOT NULL,
                "Form" TEXT NOT NULL,
                "DocumentedByUserId" TEXT NOT NULL,
                "DocumentedByName" TEXT NOT NULL,
                "DocumentedByUnitId" TEXT NOT NULL,
                "ValidFrom" TEXT NOT NULL,
                "ValidTo" TEXT NOT NULL,
                "RecordedAt" INTEGER NOT NULL,
                "ReplacesId" TEXT NULL,
                CONSTRAINT "FK_Consents_Children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "Children" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_Consents_Units_DocumentedByUnitId" FOREIGN KEY ("DocumentedByUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
            );
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_Consents_ChildId" ON "Consents" ("ChildId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Consents_DocumentedByUnitId" ON "Consents" ("DocumentedByUnitId");""");
        migrationBuilder.Sql("""
            CREATE TABLE "ConsentWithdrawals" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_ConsentWithdrawals" PRIMARY KEY,
                "ConsentId" TEXT NOT NULL,
                "ChildId" TEXT NOT NULL,
                "WithdrawnBy" TEXT NOT NULL,
                "Note" TEXT NULL,
                "WithdrawnAt" INTEGER NOT NULL,
                "RecordedByUserId" TEXT NOT NULL,
                "RecordedByName" TEXT NOT NULL,
                CONSTRAINT "FK_ConsentWithdrawals_Consents_ConsentId" FOREIGN KEY ("ConsentId") REFERENCES "Consents" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_ConsentWithdrawals_ChildId" ON "ConsentWithdrawals" ("ChildId");""");
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_ConsentWithdrawals_ConsentId" ON "ConsentWithdrawals" ("ConsentId");""");
        migrationBuilder.Sql("""
            CREATE TABLE "EmergencyAccesses" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_EmergencyAccesses" PRIMARY KEY,
                "ChildId" TEXT NOT NULL,
                "UserId" TEXT NOT NULL,
                "UserName" TEXT NOT NULL,
                "UnitId" TEXT NOT NULL,
                "Reason" TEXT NOT NULL,
                "GrantedAt" INTEGER NOT NULL,
                "ExpiresAt" INTEGER NOT NULL,
                "ReviewedAt" INTEGER NULL,
                "ReviewedByUserId" TEXT NULL,
                "ReviewedByName" TEXT NULL,
                "ReviewConclusion" TEXT NULL,
                CONSTRAINT "FK_EmergencyAccesses_Children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "Children" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_EmergencyAccesses_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
            );
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_EmergencyAccesses_ChildId_UserId" ON "EmergencyAccesses" ("ChildId", "UserId");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_EmergencyAccesses_ReviewedAt" ON "EmergencyAccesses" ("ReviewedAt");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_EmergencyAccesses_UnitId" ON "EmergencyAccesses" ("UnitId");""");
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_Consents_NoUpdate" BEFORE UPDATE ON "Consents"
            BEGIN
                SELECT RAISE(ABORT, 'A consent entry cannot be changed; record a new entry.');
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_ConsentWithdrawals_NoUpdate" BEFORE UPDATE ON "ConsentWithdrawals"
            BEGIN
                SELECT RAISE(ABORT, 'A consent withdrawal cannot be changed.');
            END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER "TR_ConsentWithdrawals_NoUpdate";""");
        migrationBuilder.Sql("""DROP TRIGGER "TR_Consents_NoUpdate";""");
        migrationBuilder.DropTable(name: "EmergencyAccesses");
        migrationBuilder.DropTable(name: "ConsentWithdrawals");
        migrationBuilder.DropTable(name: "Consents");
    }
}
