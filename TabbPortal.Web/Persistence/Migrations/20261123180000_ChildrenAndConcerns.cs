using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>Children with guardians, level-of-support history and role assignments; concerns (ADR-003).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123180000_ChildrenAndConcerns")]
public sealed class ChildrenAndConcerns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.Sql("""
                CREATE TABLE "Children" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_Children" PRIMARY KEY,
                    "GivenName" TEXT NOT NULL,
                    "FamilyName" TEXT NOT NULL,
                    "PersonalIdentityNumber" TEXT NOT NULL,
                    "MunicipalityId" TEXT NOT NULL,
                    "SchoolUnitId" TEXT NULL,
                    "RegisteredByUnitId" TEXT NOT NULL,
                    "RegisteredByUserId" TEXT NOT NULL,
                    "RegisteredAt" INTEGER NOT NULL,
                    "Version" TEXT NOT NULL,
                    CONSTRAINT "FK_Children_Organisations_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Children_Units_RegisteredByUnitId" FOREIGN KEY ("RegisteredByUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Children_Units_SchoolUnitId" FOREIGN KEY ("SchoolUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "ChildRoleAssignments" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_ChildRoleAssignments" PRIMARY KEY,
                    "Role" TEXT NOT NULL,
                    "StaffUserId" TEXT NOT NULL,
                    "StaffName" TEXT NOT NULL,
                    "UnitId" TEXT NOT NULL,
                    "From" TEXT NOT NULL,
                    "To" TEXT NULL,
                    "HandoverNote" TEXT NULL,
                    "ChildId" TEXT NOT NULL,
                    CONSTRAINT "FK_ChildRoleAssignments_Children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "Children" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_ChildRoleAssignments_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "ChildSupportLevels" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_ChildSupportLevels" PRIMARY KEY,
                    "Level" TEXT NOT NULL,
                    "From" TEXT NOT NULL,
                    "To" TEXT NULL,
                    "DecidedByUserId" TEXT NOT NULL,
                    "Reason" TEXT NULL,
                    "ChildId" TEXT NOT NULL,
                    CONSTRAINT "FK_ChildSupportLevels_Children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "Children" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "Concerns" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_Concerns" PRIMARY KEY,
                    "ChildId" TEXT NOT NULL,
                    "RaisedByUserId" TEXT NOT NULL,
                    "RaisedByName" TEXT NOT NULL,
                    "RaisedByUnitId" TEXT NOT NULL,
                    "RaisedAt" INTEGER NOT NULL,
                    "WhatIsInTheWay" TEXT NOT NULL,
                    "InformationNeeded" TEXT NULL,
                    "WhatICanDo" TEXT NULL,
                    "WhatMyAgencyCanDo" TEXT NULL,
                    "HelpNeededFromOthers" TEXT NULL,
                    "Decision" TEXT NOT NULL,
                    "HandOverToUnitId" TEXT NULL,
                    "ReportedToSocialServicesOn" TEXT NULL,
                    "ReportedByUserId" TEXT NULL,
                    "ReportedByName" TEXT NULL,
                    CONSTRAINT "FK_Concerns_Children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "Children" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_Concerns_Units_HandOverToUnitId" FOREIGN KEY ("HandOverToUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Concerns_Units_RaisedByUnitId" FOREIGN KEY ("RaisedByUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "Guardians" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_Guardians" PRIMARY KEY,
                    "Name" TEXT NOT NULL,
                    "Relationship" TEXT NULL,
                    "Phone" TEXT NULL,
                    "Email" TEXT NULL,
                    "HasCustody" INTEGER NOT NULL,
                    "ChildId" TEXT NOT NULL,
                    CONSTRAINT "FK_Guardians_Children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "Children" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Children_FamilyName" ON "Children" ("FamilyName");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Children_MunicipalityId" ON "Children" ("MunicipalityId");
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_Children_PersonalIdentityNumber" ON "Children" ("PersonalIdentityNumber");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Children_RegisteredByUnitId" ON "Children" ("RegisteredByUnitId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Children_SchoolUnitId" ON "Children" ("SchoolUnitId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_ChildRoleAssignments_ChildId" ON "ChildRoleAssignments" ("ChildId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_ChildRoleAssignments_StaffUserId" ON "ChildRoleAssignments" ("StaffUserId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_ChildRoleAssignments_UnitId" ON "ChildRoleAssignments" ("UnitId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_ChildSupportLevels_ChildId" ON "ChildSupportLevels" ("ChildId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Concerns_ChildId" ON "Concerns" ("ChildId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Concerns_HandOverToUnitId" ON "Concerns" ("HandOverToUnitId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Concerns_RaisedByUnitId" ON "Concerns" ("RaisedByUnitId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Guardians_ChildId" ON "Guardians" ("ChildId");
                """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.DropTable(name: "Concerns");
            migrationBuilder.DropTable(name: "ChildRoleAssignments");
            migrationBuilder.DropTable(name: "ChildSupportLevels");
            migrationBuilder.DropTable(name: "Guardians");
            migrationBuilder.DropTable(name: "Children");
    }
}
