// Task pane entry. The interface itself (React + Fluent UI) comes with the task-pane issue; until
// then the pane says where it runs, and the command line does the work (npm start).

function show(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

if (typeof Office === "undefined") {
  show("Không tải được office.js (office.js could not be loaded).");
} else {
  Office.onReady((info) => {
    show(
      info.host
        ? "Đã kết nối với Excel. Ngăn tác vụ đang được xây dựng; hãy dùng lệnh chitieu check. (Connected to Excel.)"
        : "Đang chạy ngoài Excel (standalone). (Running outside Excel.)",
    );
  });
}
