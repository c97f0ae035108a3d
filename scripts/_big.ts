import ExcelJS from "exceljs";
(async () => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: "/tmp/million.xlsx" });
  const ws = wb.addWorksheet("03支出总表");
  ws.addRow(["部门预算支出总表"]).commit();
  ws.addRow(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]).commit();
  for (let i = 0; i < 1_000_000; i++) ws.addRow([String(2080505), `科目${i}`, 3, 1, 2]).commit();
  await ws.commit();
  await wb.commit();
})();
